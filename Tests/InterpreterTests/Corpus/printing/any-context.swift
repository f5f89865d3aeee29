// print's items are Any, and Swift types some expressions differently there.
struct Point {
    var x: Double
}
let words = ["cat", "sat"]
let grid = [[1, 2], [3]]
let maybe: [Double?] = [1.5, nil]
print(words.reversed(), grid.reversed())
print([0.5, 2.5].reversed(), maybe.reversed(), separator: " | ")
print("mat".reversed())
let none: Point? = nil
let some: Point? = Point(x: 4)
print(none?.x ?? 0, some?.x ?? 0, none?.x ?? 1_000)
let plain: Double? = nil
print(plain ?? 0)
