var s = ""
for i in 1...5 {
    s += String(i)
}
print(s)
var line = "x"
line.append("y")
line.append("z")
print(line, line.count)
var stars = ""
for _ in 0..<3 {
    stars += "*"
    print(stars)
}
let parts = ["a", "b", "c"].map { $0 + $0 }
print(parts)
print(String(repeating: "ab", count: 3))
