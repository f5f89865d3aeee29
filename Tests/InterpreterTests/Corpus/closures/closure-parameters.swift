func applyTwice(_ f: (Int) -> Int, _ x: Int) -> Int {
    f(f(x))
}
print(applyTwice({ $0 + 3 }, 10))
print(applyTwice({ x in x * x }, 3))
func count(_ values: [Int], where predicate: (Int) -> Bool) -> Int {
    var n = 0
    for v in values where predicate(v) {
        n += 1
    }
    return n
}
print(count([1, 5, 8, 12], where: { $0 > 4 }))
print(count([1, 5, 8, 12]) { $0 % 2 == 0 })
let words = ["kiwi", "fig", "banana"]
print(words.sorted { $0.count < $1.count })
