for i in 0..<3 {
    print("half-open", i)
}
for i in 1...3 {
    print("closed", i)
}
for i in 0..<0 {
    print("never", i)
}
var sum = 0
for i in 1...100 {
    sum += i
}
print(sum)
let n = 4
for i in 0..<n {
    print(i, terminator: i == n - 1 ? "\n" : ",")
}
for _ in 0..<2 {
    print("repeat")
}
