// expect-error: 5:9: await is not supported in Swift-math
func fetch() -> Int {
    return 1
}
let v = await fetch()
print(v)
