let matrix: [[Double]] = [[1, 2, 3], [4, 5, 6]]
var transposed: [[Double]] = []
for column in 0..<3 {
    var newRow: [Double] = []
    for row in 0..<2 {
        newRow.append(matrix[row][column])
    }
    transposed.append(newRow)
}
print(transposed)
let rowSums = matrix.map { $0.reduce(0, +) }
print(rowSums)
var total = 0.0
for row in matrix {
    for value in row {
        total += value
    }
}
print(total)
