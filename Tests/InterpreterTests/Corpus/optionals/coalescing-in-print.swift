// Inside print(_:), whose items are Any, the type checker gives `a?.b ?? 0` the type Any,
// so the literal 0 stays an Int: nil prints as 0, not 0.0. Bound to a name first, it is a Double.
struct Item {
    var price: Double
}
let missing: Item? = nil
let present: Item? = Item(price: 2)
print(missing?.price ?? 0)
print(present?.price ?? 0)
let price = missing?.price ?? 0
print(price)
let plain: Double? = nil
print(plain ?? 0)
print("\(missing?.price ?? 0)")
