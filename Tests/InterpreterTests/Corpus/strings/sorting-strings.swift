let names = ["pear", "Apple", "banana", "apple", "cherry"]
print(names.sorted())
print(names.sorted(by: >))
print(names.sorted(by: { $0.count < $1.count || ($0.count == $1.count && $0 < $1) }))
print(names.min() as Any, names.max() as Any)
print("a" < "b", "B" < "a", "apple" < "apples")
print(names.map { $0.uppercased() }.sorted())
