let a = [1, 2, 3, 4]
print(Array(a.reversed()))
for x in a.reversed() {
    print(x, terminator: " ")
}
print()
let r = a.reversed()
print(Array(r).count)
let words = ["one", "two"]
print(Array(words.reversed()))
print(a.reversed().map { $0 * 10 })
