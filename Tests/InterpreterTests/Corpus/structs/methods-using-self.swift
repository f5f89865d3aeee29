struct Vector2 {
    var x: Double
    var y: Double
    var length: Double {
        (x * x + y * y).squareRoot()
    }
    func plus(_ other: Vector2) -> Vector2 {
        Vector2(x: self.x + other.x, y: self.y + other.y)
    }
    func dot(_ other: Vector2) -> Double {
        x * other.x + y * other.y
    }
    mutating func normalize() {
        let l = length
        self.x /= l
        self.y /= l
    }
}
var v = Vector2(x: 3, y: 4)
print(v.length)
print(v.plus(Vector2(x: 1, y: 1)))
print(v.dot(Vector2(x: 2, y: 0)))
v.normalize()
print(v)
print(v.length)
