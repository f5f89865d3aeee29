struct Rectangle {
    var width: Double
    var height: Double
    var area: Double {
        width * height
    }
    var isSquare: Bool {
        return width == height
    }
    func scaled(by factor: Double) -> Rectangle {
        Rectangle(width: width * factor, height: height * factor)
    }
    func describe() -> String {
        "\(width)x\(height) (area \(area))"
    }
}
let r = Rectangle(width: 2, height: 3)
print(r.area, r.isSquare)
print(r.scaled(by: 2))
print(r.scaled(by: 0.5).describe())
print(Rectangle(width: 1, height: 1).isSquare)
