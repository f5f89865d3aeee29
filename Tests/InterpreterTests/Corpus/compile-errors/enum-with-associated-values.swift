// expect-error: 2:1: enum is not supported in Swift-math
enum Result {
    case success(Double)
    case failure(String)
}
print("results")
