let cafe = "café"
print(cafe, cafe.count)
let thumbs = "👍"
print(thumbs, thumbs.count)
let greek = "αβγ"
print(greek.uppercased(), greek.count)
print("e\u{301}" == "é")
print(Array("día"))
