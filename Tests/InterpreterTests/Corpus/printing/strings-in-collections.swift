print("plain")
print(["plain"])
print(("plain", 1))
print(["k": "v"])
print([["a", "b"], []])
let maybe: String? = "x"
print([maybe])
print((label: "text", flag: false))
let c: Character = "c"
print(c, [c])
