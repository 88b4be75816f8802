fn main() {
    println!("zhinan");
}
