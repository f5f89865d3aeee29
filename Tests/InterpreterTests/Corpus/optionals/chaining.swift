let word: String? = "swift"
let none: String? = nil
print(word?.count as Any)
print(none?.count as Any)
print(word?.uppercased() ?? "none")
print(none?.uppercased() ?? "none")
let words = ["alpha", "beta"]
print(words.first?.count as Any)
let empty: [String] = []
print(empty.first?.count as Any)
let scores = ["ann": [1, 2]]
print(scores["ann"]?.count ?? 0, scores["bob"]?.count ?? 0)
