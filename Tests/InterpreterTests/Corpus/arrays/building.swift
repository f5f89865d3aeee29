var evens: [Int] = []
for i in 0..<10 where i % 2 == 0 {
    evens.append(i)
}
print(evens)
var squares = [Int]()
var n = 1
while squares.count < 5 {
    squares.append(n * n)
    n += 1
}
print(squares)
var table: [[Int]] = []
for i in 1...3 {
    table.append((1...3).map { $0 * i })
}
print(table)
