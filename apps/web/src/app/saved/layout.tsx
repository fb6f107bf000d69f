import { SignedInLayout } from "@/features/layout/signed-in-layout";

export default SignedInLayout;
