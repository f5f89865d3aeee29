// expect-error: 4:12: index out of range
func third(_ xs: [Int]) -> Int {
    print("looking up the third of", xs)
    return xs[2]
}
print(third([7, 8, 9]))
print(third([7, 8]))
