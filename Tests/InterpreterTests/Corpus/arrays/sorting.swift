let numbers = [5, 3, 9, 1, 7]
print(numbers.sorted())
print(numbers.sorted(by: >))
print(numbers.sorted { $0 > $1 })
print(numbers.sorted(by: { a, b in a % 3 < b % 3 || (a % 3 == b % 3 && a < b) }))
print(numbers)
let doubles = [2.5, -1.0, 0.0, 10.25]
print(doubles.sorted())
var mutable = [3, 2, 1]
mutable = mutable.sorted()
print(mutable)
