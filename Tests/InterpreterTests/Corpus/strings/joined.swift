let words = ["alpha", "beta", "gamma"]
print(words.joined(separator: ", "))
print(words.joined(separator: ""))
print(words.joined())
print(words.joined(separator: " -> "))
let numbers = [1, 2, 3]
print(numbers.map { String($0) }.joined(separator: "+"))
let empty: [String] = []
print("[" + empty.joined(separator: ",") + "]")
print(["one"].joined(separator: ", "))
