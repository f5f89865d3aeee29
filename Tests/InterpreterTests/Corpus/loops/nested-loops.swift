for i in 1...3 {
    var line = ""
    for j in 1...i {
        line += String(j)
    }
    print(line)
}
var pairs = 0
for i in 0..<4 {
    for j in (i + 1)..<4 {
        pairs += 1
        print("(\(i), \(j))", terminator: " ")
    }
}
print()
print(pairs)
