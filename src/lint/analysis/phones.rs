//! Which texts are phone numbers, and the area code they are read against.

use crate::lint::TextRef;
use crate::lint::context::{FieldPath, FlowPart, JurisdictionPart};
use crate::resolve::Project;
use crate::text::phone::{PhoneToken, find_phones};

/// The area code of a jurisdiction: its own, else its nearest parent's.
pub fn area_of(project: &Project, j: usize) -> Option<&str> {
    std::iter::once(j)
        .chain(project.ancestors(j))
        .find_map(|k| project.jurisdictions[k].data.area_code.as_ref())
        .map(|a| a.get_ref().as_str())
}

/// Is this text a phone field (or a caption line about a phone)?
pub fn is_phone_text(text: &TextRef) -> bool {
    text.field.is_phone()
        || text.field == FieldPath::Jurisdiction(JurisdictionPart::SupervisionPhone)
        || (text.field == FieldPath::Flow(FlowPart::Caption) && text.value.contains("电话"))
}

/// The phone numbers of a phone text.
pub fn phones_of(text: &TextRef) -> Vec<PhoneToken> {
    if is_phone_text(text) {
        find_phones(text.value)
    } else {
        Vec::new()
    }
}
