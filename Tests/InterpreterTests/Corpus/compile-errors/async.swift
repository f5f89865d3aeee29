// expect-error: 2:14: async is not supported in Swift-math
func fetch() async -> Int {
    return 1
}
print("fetching")
