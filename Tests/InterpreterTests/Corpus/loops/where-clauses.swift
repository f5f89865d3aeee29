for i in 1...10 where i % 3 == 0 {
    print(i)
}
let words = ["a", "longer", "mid", "longest"]
for w in words where w.count > 3 {
    print(w)
}
for (i, w) in words.enumerated() where i % 2 == 1 {
    print(i, w)
}
var total = 0
for n in [5, -2, 8, -7] where n > 0 {
    total += n
}
print(total)
