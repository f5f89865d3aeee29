let grid = [[1, 2, 3], [4, 5, 6]]
print(grid)
print(grid[1])
print(grid[1][2])
print(grid.count, grid[0].count)
let ragged = [[1], [2, 3], []]
print(ragged)
let cube = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]
print(cube)
print(cube[1][0][1])
let doubles: [[Double]] = [[1, 2], [0.5, -1]]
print(doubles)
let words = [["a", "b"], ["c"]]
print(words)
let empty: [[Int]] = [[]]
print(empty, empty.count)
