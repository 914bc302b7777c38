// An optional value kept on the heap with value semantics: copies copy the value, moves move
// the pointer. Used for large, rarely present members (a question's case unit), so the object
// that holds one stays small when it is absent.
#pragma once
#include <memory>
#include <utility>

namespace casebook::core {

/// std::optional<T>'s interface (has_value, bool, *, ->, reset, emplace, assignment from T)
/// with the value on the heap: sizeof(Boxed<T>) is one pointer whatever T is. Dereferencing
/// an empty box is undefined, as for std::optional.
template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const T& v) : m_p(std::make_unique<T>(v)) {}             // NOLINT: implicit, as optional
  Boxed(T&& v) : m_p(std::make_unique<T>(std::move(v))) {}       // NOLINT: implicit, as optional
  Boxed(const Boxed& o) : m_p(o.m_p ? std::make_unique<T>(*o.m_p) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) m_p = o.m_p ? std::make_unique<T>(*o.m_p) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(T&& v) {
    m_p = std::make_unique<T>(std::move(v));
    return *this;
  }
  Boxed& operator=(const T& v) {
    m_p = std::make_unique<T>(v);
    return *this;
  }
  ~Boxed() = default;

  [[nodiscard]] bool has_value() const noexcept { return m_p != nullptr; }
  explicit operator bool() const noexcept { return m_p != nullptr; }
  T& operator*() { return *m_p; }
  const T& operator*() const { return *m_p; }
  T* operator->() { return m_p.get(); }
  const T* operator->() const { return m_p.get(); }
  void reset() noexcept { m_p.reset(); }
  template <typename... Args>
  T& emplace(Args&&... args) {
    m_p = std::make_unique<T>(std::forward<Args>(args)...);
    return *m_p;
  }

 private:
  std::unique_ptr<T> m_p;
};

}  // namespace casebook::core
