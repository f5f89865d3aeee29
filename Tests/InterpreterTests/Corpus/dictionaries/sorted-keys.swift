let stock = ["pears": 3, "apples": 10, "figs": 0, "kiwis": 7]
for name in stock.keys.sorted() {
    print(name, stock[name]!)
}
print(stock.keys.sorted())
print(stock.values.sorted())
print(stock.count)
