// expect-error: 6:3: cannot assign to property: 'width' is a 'let' constant
struct Size {
    let width: Int
}
var s = Size(width: 1)
s.width = 2
