import { InvalidArgumentError, type Option } from "commander";
import { isProfileName, nearestProfile, PROFILE_NAMES, PROFILES, type ProfileName } from "../../provider/profiles";

/**
 * Makes `option` (`--service`, `lint --target`) take a profile name: its help lists the
 * choices as commander's `.choices` does, and an unknown name is refused with commander's
 * words plus the nearest profile as this flag (`— use --service spaces for DigitalOcean Spaces`),
 * from the one suggestion the SDK's messages use too (provider/profiles/suggest.ts).
 */
export function profileOption(option: Option): Option {
  const flag = option.long ?? option.flags;
  return option.choices(PROFILE_NAMES).argParser((value: string): ProfileName => {
    if (isProfileName(value)) return value;
    const nearest = nearestProfile(value);
    const hint = nearest === undefined ? "" : ` — use ${flag} ${nearest} for ${PROFILES[nearest].title}`;
    throw new InvalidArgumentError(`Allowed choices are ${PROFILE_NAMES.join(", ")}${hint}.`);
  });
}
