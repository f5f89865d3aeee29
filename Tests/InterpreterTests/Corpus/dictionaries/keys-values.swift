let d = ["b": 2, "a": 1, "c": 3]
print(d.keys.count, d.values.count)
print(Array(d.keys).sorted())
print(d.values.reduce(0, +))
print(d.keys.contains("a"), d.keys.contains("z"))
let single = ["only": 1.5]
print(single.keys, single.values)
print(Array(single.keys), Array(single.values))
print(d.values.sorted(by: >))
