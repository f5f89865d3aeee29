let numbers = [1, 2, 3, 4, 5, 6]
print(numbers.map { $0 * $0 })
print(numbers.filter { $0 % 2 == 0 })
print(numbers.reduce(0, +))
print(numbers.reduce(1, *))
print(numbers.reduce(0) { $0 + $1 * 2 })
print(numbers.map { Double($0) / 2 })
print(numbers.map { "n\($0)" })
print(numbers.filter { $0 > 3 }.map { $0 * 10 }.reduce(0, +))
let words = ["a", "bb", "ccc"]
print(words.map { $0.count })
print(words.reduce("") { $0 + $1 })
print(numbers.filter { $0 > 100 })
