struct Point {
    var x: Double
    var y: Double
}
let origin = Point(x: 0, y: 0)
let p = Point(x: 3, y: -4.5)
print(origin)
print(p)
print(p.x, p.y)
struct Size {
    let width: Int
    let height: Int
}
let s = Size(width: 2, height: 3)
print(s, s.width * s.height)
