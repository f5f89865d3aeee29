struct Item {
    var name: String
    var price: Double
}
var selected: Item? = nil
print(selected?.name ?? "nothing selected")
selected = Item(name: "pen", price: 1.5)
print(selected?.name ?? "nothing selected")
print(selected!.price * 2)
if let item = selected {
    print(item.name, item.price)
}
selected = nil
let price = selected?.price ?? 0
print(price)
