var counter = 0
func increment() {
    counter += 1
}
func incremented(by amount: Int) -> Int {
    counter += amount
    return counter
}
increment()
increment()
print(counter)
print(incremented(by: 10))
print(counter)
let limit = 3
func underLimit(_ x: Int) -> Bool { x < limit }
print(underLimit(2), underLimit(3))
