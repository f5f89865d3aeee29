let s = "abc"
print(String(s.reversed()))
print(s.reversed())
let a = [1, 2, 3]
print(Array(a.reversed()))
print(a.reversed())
for c in s.reversed() {
    print(c, terminator: " ")
}
print()
