struct Point {
    var x: Int
    var y: Int
}
var a = Point(x: 1, y: 2)
var b = a
b.x = 100
print(a)
print(b)
var points = [a, b]
points[0].y = -1
print(a.y, points[0].y)
func moved(_ p: Point) -> Point {
    var copy = p
    copy.x += 1
    return copy
}
let c = moved(a)
print(a.x, c.x)
struct Bag {
    var items: [String]
}
var bag1 = Bag(items: ["pen"])
var bag2 = bag1
bag2.items.append("ink")
print(bag1.items, bag2.items)
