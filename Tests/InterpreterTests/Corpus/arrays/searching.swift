let numbers = [4, 8, 15, 16, 23, 42]
print(numbers.contains(15), numbers.contains(7))
print(numbers.firstIndex(of: 16) as Any)
print(numbers.firstIndex(of: 99) as Any)
print(numbers.min() as Any, numbers.max() as Any)
let empty: [Int] = []
print(empty.min() as Any, empty.max() as Any)
if let i = numbers.firstIndex(of: 23) {
    print("23 is at", i)
}
let words = ["x", "y", "x"]
print(words.firstIndex(of: "x") as Any)
print(words.contains("y"))
print([2.5, -1.5].min()!, [2.5, -1.5].max()!)
