func double(_ x: Int) -> Int { x * 2 }
func isEven(_ x: Int) -> Bool { x % 2 == 0 }
func label(_ x: Int) -> String { isEven(x) ? "even" : "odd" }
func average(_ a: Double, _ b: Double) -> Double {
    (a + b) / 2
}
print(double(21), isEven(3), label(4), average(1, 2))
func nothing() {}
nothing()
func sayHi() {
    print("hi")
}
sayHi()
