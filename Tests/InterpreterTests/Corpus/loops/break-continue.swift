for i in 0..<10 {
    if i == 2 { continue }
    if i == 5 { break }
    print(i)
}
var k = 0
while true {
    k += 1
    if k % 2 == 1 { continue }
    if k > 6 { break }
    print("even k", k)
}
print("k =", k)
