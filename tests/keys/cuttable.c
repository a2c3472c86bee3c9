/* A PKCS#11 module in front of another (SoftHSM2 in the tests) whose link can be cut, as a
 * network HSM's is: while the file named by MUNI_ID_TEST_PKCS11_CUT_FILE exists, the slot
 * lists no token and every call on a session or a slot answers CKR_DEVICE_REMOVED; once the
 * file is gone, calls reach the token again. Only for tests (tests/keys/softhsm.sh builds it;
 * the outage tests use it). The module behind it is MUNI_ID_TEST_PKCS11_MODULE. */
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>
#include <p11-kit/pkcs11.h>

static CK_FUNCTION_LIST *inner;
static CK_FUNCTION_LIST shim;

static int cut(void) {
    const char *flag = getenv("MUNI_ID_TEST_PKCS11_CUT_FILE");
    return flag != NULL && access(flag, F_OK) == 0;
}

#define GUARD if (cut()) return CKR_DEVICE_REMOVED

static CK_RV get_slot_list(CK_BBOOL present, CK_SLOT_ID_PTR list, CK_ULONG_PTR count) {
    if (cut() && present) { *count = 0; return CKR_OK; }
    return inner->C_GetSlotList(present, list, count);
}
static CK_RV get_token_info(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info) {
    if (cut()) return CKR_TOKEN_NOT_PRESENT;
    return inner->C_GetTokenInfo(slot, info);
}
static CK_RV open_session(CK_SLOT_ID slot, CK_FLAGS flags, CK_VOID_PTR app, CK_NOTIFY notify,
                          CK_SESSION_HANDLE_PTR session) {
    if (cut()) return CKR_TOKEN_NOT_PRESENT;
    return inner->C_OpenSession(slot, flags, app, notify, session);
}
static CK_RV get_session_info(CK_SESSION_HANDLE s, CK_SESSION_INFO_PTR info) {
    GUARD; return inner->C_GetSessionInfo(s, info);
}
static CK_RV login(CK_SESSION_HANDLE s, CK_USER_TYPE user, CK_UTF8CHAR_PTR pin, CK_ULONG len) {
    GUARD; return inner->C_Login(s, user, pin, len);
}
static CK_RV create_object(CK_SESSION_HANDLE s, CK_ATTRIBUTE_PTR t, CK_ULONG n,
                           CK_OBJECT_HANDLE_PTR o) {
    GUARD; return inner->C_CreateObject(s, t, n, o);
}
static CK_RV destroy_object(CK_SESSION_HANDLE s, CK_OBJECT_HANDLE o) {
    GUARD; return inner->C_DestroyObject(s, o);
}
static CK_RV get_attribute_value(CK_SESSION_HANDLE s, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_PTR t,
                                 CK_ULONG n) {
    GUARD; return inner->C_GetAttributeValue(s, o, t, n);
}
static CK_RV find_objects_init(CK_SESSION_HANDLE s, CK_ATTRIBUTE_PTR t, CK_ULONG n) {
    GUARD; return inner->C_FindObjectsInit(s, t, n);
}
static CK_RV find_objects(CK_SESSION_HANDLE s, CK_OBJECT_HANDLE_PTR o, CK_ULONG max,
                          CK_ULONG_PTR n) {
    GUARD; return inner->C_FindObjects(s, o, max, n);
}
static CK_RV encrypt_init(CK_SESSION_HANDLE s, CK_MECHANISM_PTR m, CK_OBJECT_HANDLE k) {
    GUARD; return inner->C_EncryptInit(s, m, k);
}
static CK_RV decrypt_init(CK_SESSION_HANDLE s, CK_MECHANISM_PTR m, CK_OBJECT_HANDLE k) {
    GUARD; return inner->C_DecryptInit(s, m, k);
}
static CK_RV sign_init(CK_SESSION_HANDLE s, CK_MECHANISM_PTR m, CK_OBJECT_HANDLE k) {
    GUARD; return inner->C_SignInit(s, m, k);
}
static CK_RV generate_key(CK_SESSION_HANDLE s, CK_MECHANISM_PTR m, CK_ATTRIBUTE_PTR t,
                          CK_ULONG n, CK_OBJECT_HANDLE_PTR k) {
    GUARD; return inner->C_GenerateKey(s, m, t, n, k);
}
static CK_RV generate_key_pair(CK_SESSION_HANDLE s, CK_MECHANISM_PTR m, CK_ATTRIBUTE_PTR pt,
                               CK_ULONG pn, CK_ATTRIBUTE_PTR qt, CK_ULONG qn,
                               CK_OBJECT_HANDLE_PTR pk, CK_OBJECT_HANDLE_PTR qk) {
    GUARD; return inner->C_GenerateKeyPair(s, m, pt, pn, qt, qn, pk, qk);
}

CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
    if (inner == NULL) {
        const char *path = getenv("MUNI_ID_TEST_PKCS11_MODULE");
        void *module = dlopen(path ? path : "/usr/lib/softhsm/libsofthsm2.so", RTLD_NOW);
        if (module == NULL) return CKR_GENERAL_ERROR;
        CK_C_GetFunctionList get = (CK_C_GetFunctionList)dlsym(module, "C_GetFunctionList");
        if (get == NULL || get(&inner) != CKR_OK) return CKR_GENERAL_ERROR;
        shim = *inner;
        shim.C_GetSlotList = get_slot_list;
        shim.C_GetTokenInfo = get_token_info;
        shim.C_OpenSession = open_session;
        shim.C_GetSessionInfo = get_session_info;
        shim.C_Login = login;
        shim.C_CreateObject = create_object;
        shim.C_DestroyObject = destroy_object;
        shim.C_GetAttributeValue = get_attribute_value;
        shim.C_FindObjectsInit = find_objects_init;
        shim.C_FindObjects = find_objects;
        shim.C_EncryptInit = encrypt_init;
        shim.C_DecryptInit = decrypt_init;
        shim.C_SignInit = sign_init;
        shim.C_GenerateKey = generate_key;
        shim.C_GenerateKeyPair = generate_key_pair;
    }
    *list = &shim;
    return CKR_OK;
}
