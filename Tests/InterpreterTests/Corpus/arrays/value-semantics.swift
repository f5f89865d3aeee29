let a = [1, 2, 3]
var b = a
b.append(4)
b[0] = 100
print(a)
print(b)
var grid = [[1, 2], [3, 4]]
var copy = grid
copy[0][0] = 9
print(grid)
print(copy)
var row = grid[1]
row.append(5)
print(grid[1], row)
