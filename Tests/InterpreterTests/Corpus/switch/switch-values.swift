func points(_ place: Int) -> Int {
    switch place {
    case 1: return 10
    case 2: return 6
    case 3: return 4
    case 4...10: return 1
    default: return 0
    }
}
var total = 0
for place in [1, 3, 3, 7, 12] {
    total += points(place)
}
print(total)
let code = 404
var message = ""
switch code {
case 200..<300:
    message = "success"
case 404:
    message = "not found"
case 400..<500:
    message = "client error"
default:
    message = "unknown"
}
print(message)
