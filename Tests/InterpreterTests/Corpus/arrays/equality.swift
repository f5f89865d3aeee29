print([1, 2, 3] == [1, 2, 3])
print([1, 2, 3] == [3, 2, 1])
print([1, 2] != [1])
print(["a"] == ["a"])
print([[1], [2]] == [[1], [2]])
let empty: [Int] = []
print(empty == [])
print([0.0] == [-0.0])
