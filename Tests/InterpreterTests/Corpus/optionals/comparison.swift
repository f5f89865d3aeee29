var o: Int? = nil
print(o == nil, o != nil)
o = 3
print(o == nil, o == 3, o == 4)
print(o as Any)
o = nil
print(o as Any)
let s: String? = "a"
print(s == "a")
if o == nil {
    print("o is nil again")
}
