var inventory: [String: Int] = [:]
inventory["bolts"] = 10
inventory["nuts"] = 4
inventory["bolts"]! -= 3
inventory["nuts"] = inventory["nuts"]! * 2
for key in inventory.keys.sorted() {
    print(key, inventory[key]!)
}
var copy = inventory
copy["screws"] = 1
print(inventory.count, copy.count)
print(inventory["screws"] == nil)
