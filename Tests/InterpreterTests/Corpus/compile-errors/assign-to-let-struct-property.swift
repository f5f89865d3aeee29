// expect-error: 6:3: cannot assign to property: 'p' is a 'let' constant
struct Point {
    var x: Double
}
let p = Point(x: 1)
p.x = 2
