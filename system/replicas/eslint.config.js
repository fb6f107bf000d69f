export { default } from "@sharehood/eslint-config";
