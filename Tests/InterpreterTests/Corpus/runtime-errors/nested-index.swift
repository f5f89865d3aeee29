// expect-error: 5:7: index out of range
let grid = [[1, 2, 3], [4, 5]]
print(grid[0][2])
print(grid[1][1])
print(grid[1][2])
