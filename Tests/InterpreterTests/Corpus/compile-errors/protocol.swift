// expect-error: 2:1: protocol is not supported in Swift-math
protocol Shape {
    var area: Double { get }
}
print("shapes")
