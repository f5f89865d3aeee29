let x = 6
let y = 7
print("\(x) * \(y) = \(x * y)")
print("half: \(Double(x) / 4)")
func square(_ n: Int) -> Int { n * n }
print("square of \(x) is \(square(x))")
let names = ["Ann", "Bob"]
print("\(names.count) names, first \(names[0])")
print("sign: \(x > 0 ? "positive" : "negative")")
print("nested: \("inner \(x + 1)")")
print("\(x)\(y)")
print("\(x),\(y);")
print("empty: \("")|")
