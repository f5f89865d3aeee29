// A 120×120 matrix product with three nested loops over nested arrays.
let n = 120
var a = Array(repeating: Array(repeating: 0.0, count: n), count: n)
var b = Array(repeating: Array(repeating: 0.0, count: n), count: n)
for i in 0..<n {
    for j in 0..<n {
        a[i][j] = Double((i * j) % 7)
        b[i][j] = Double((i + j) % 5)
    }
}
var c = Array(repeating: Array(repeating: 0.0, count: n), count: n)
for i in 0..<n {
    for j in 0..<n {
        var total = 0.0
        for k in 0..<n {
            total += a[i][k] * b[k][j]
        }
        c[i][j] = total
    }
}
print(c[5][11], c[n - 2][3])
