var numbers = [3, 1, 4, 1, 5]
print(numbers)
print(numbers.count, numbers.isEmpty)
print(numbers[0], numbers[4])
numbers[1] = 10
print(numbers)
numbers.append(9)
print(numbers)
numbers += [2, 6]
print(numbers, numbers.count)
print(numbers.first as Any, numbers.last as Any)
let empty: [Int] = []
print(empty.first as Any, empty.last as Any, empty.isEmpty)
