package io.github.camellark.lark.testkit.state;

/**
 * A person of the simulated tenant, known to the app under all of Lark's id types.
 *
 * @param openId   app-scoped id ({@code ou_…}), what Lark uses by default
 * @param unionId  developer-scoped id ({@code on_…})
 * @param userId   tenant-scoped employee id
 */
public record SimUser(String name, String openId, String unionId, String userId, String email, String tenantKey) {

    /** This user's id of the given {@code user_id_type} ({@code open_id}, {@code union_id}, {@code user_id}, {@code email}). */
    public String id(String idType) {
        return switch (idType == null ? "open_id" : idType) {
            case "open_id" -> openId;
            case "union_id" -> unionId;
            case "user_id" -> userId;
            case "email" -> email;
            default -> throw new IllegalArgumentException("unknown user id type " + idType);
        };
    }

    public boolean hasId(String id) {
        return openId.equals(id) || unionId.equals(id) || userId.equals(id) || email.equalsIgnoreCase(id);
    }

    @Override
    public String toString() {
        return name + " (" + openId + ")";
    }
}
