func repeatTimes(_ n: Int, _ body: (Int) -> Void) {
    for i in 0..<n {
        body(i)
    }
}
repeatTimes(3) { i in
    print("call", i)
}
repeatTimes(2) {
    print("shorthand", $0)
}
func transform(_ x: Double, using f: (Double) -> Double) -> Double {
    f(x)
}
print(transform(3) { $0 * $0 })
print(transform(2, using: { x in x + 0.5 }))
let total = [1, 2, 3].reduce(0) { partial, next in
    partial + next * next
}
print(total)
